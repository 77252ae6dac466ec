package main

import (
	"github.com/prometheus/client_golang/prometheus"

	"pingan/scheduler"
)

// RegisterMetrics adds the app's own series to reg: the scheduler's runs
// and the inbound spool's length. The transport registers its own.
func (a *App) RegisterMetrics(reg prometheus.Registerer) error {
	m, err := scheduler.NewMetrics(reg)
	if err != nil {
		return err
	}
	a.Scheduler.Metrics = m
	return reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pingan_spool_messages",
		Help: "Inbound messages waiting on disk for Redis to come back.",
	}, func() float64 {
		if a.spool == nil {
			return 0
		}
		n, _ := a.spool.Len()
		return float64(n)
	}))
}
