"""The Qt desktop user interface; it calls the core services and holds no domain logic."""
