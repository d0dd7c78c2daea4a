"""The API areas of the facade: one module each, holding its models and its operations."""
