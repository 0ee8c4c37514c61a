"""What transports and the application layer share for operating a node: metrics and logs."""
