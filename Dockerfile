# The Regiograph API image (used by docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
COPY cypher ./cypher
COPY views ./views
COPY regiograph ./regiograph
RUN pip install --no-cache-dir . && useradd --create-home regiograph
USER regiograph
EXPOSE 8000
CMD ["regiograph", "serve", "--host", "0.0.0.0", "--port", "8000"]
