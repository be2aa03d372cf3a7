"""The media library: pictures kept once and used by stories."""
