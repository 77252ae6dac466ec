package office

import (
	"github.com/prometheus/client_golang/prometheus"

	"pingan/scheduler"
)

// registerMetrics fills App.Registry, the one registry /metrics serves:
// the scheduler's runs, the alert channel's deliveries, the outbox's
// lanes, sends and alarm delays, the inbound messages queued and spooled,
// and the store's corrupt records. The transport adds its own.
func (a *App) registerMetrics() error {
	a.Registry = prometheus.NewRegistry()
	m, err := scheduler.NewMetrics(a.Registry)
	if err != nil {
		return err
	}
	a.Scheduler.Metrics = m
	if err := a.Alerts.Register(a.Registry); err != nil {
		return err
	}
	if err := a.Outbox.Register(a.Registry); err != nil {
		return err
	}
	for _, c := range []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "pingan_spool_messages",
			Help: "Inbound messages waiting on disk for Redis to come back.",
		}, func() float64 {
			if a.spool == nil {
				return 0
			}
			n, _ := a.spool.Len()
			return float64(n)
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "pingan_inbound_queued",
			Help: "Inbound messages handed over by the transport and not yet applied (waiting for a worker, or being handled).",
		}, func() float64 { return float64(a.InboundQueued()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "pingan_store_corrupt_entries_total",
			Help: "Stored records skipped because they could not be decoded (each is logged).",
		}, func() float64 { return float64(a.Store.Corrupt()) }),
	} {
		if err := a.Registry.Register(c); err != nil {
			return err
		}
	}
	return nil
}
