// Quiet the backend's stderr logger in tests; set ARGOPERF_LOG_LEVEL=debug to see it.
process.env.ARGOPERF_LOG_LEVEL ??= 'error';
