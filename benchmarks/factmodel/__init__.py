"""The learned-confidence experiment (``benchmarks/fact_model.py``): per-fact features and a small
logistic regression. Not part of the loader: measured, it did not beat the per-rule table on texts it
was not trained on (docs/TEXT_LOADER.md, "Rule confidence")."""
