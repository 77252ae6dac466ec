package config

// Bulletins configures official notices pushed to the groups.
type Bulletins struct{}

func (c *Config) bulletinDefaults() {}

func (c *Config) validateBulletins(l *errList) {}
