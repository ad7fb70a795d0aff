"""Regiograph core: schema, records, stores and queries."""
