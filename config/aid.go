package config

// Aid configures aid requests (急难愁盼).
type Aid struct{}

// Urgent configures emergency alerts.
type Urgent struct{}

func (c *Config) aidDefaults() {}

func (c *Config) validateAid(l *errList) {}
