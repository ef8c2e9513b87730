"""Services built on the store: demo network, JSON bundles, documents and imports."""
