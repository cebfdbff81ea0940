"""Developer tools shared by tests, benchmarks, screenshots and the audit (not used by a site build)."""
