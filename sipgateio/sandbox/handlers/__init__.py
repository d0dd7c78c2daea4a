"""The sandbox's endpoints, one module per API area; each registers its routes on import."""
