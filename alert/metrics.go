package alert

import "github.com/prometheus/client_golang/prometheus"

// Register exposes the dispatcher's counts on reg as
// pingan_alert_deliveries_total{result="sent|failed|dropped"}.
func (d *Dispatcher) Register(reg prometheus.Registerer) error {
	if d == nil {
		return nil
	}
	for _, c := range []struct {
		result string
		n      func() int64
	}{{"sent", d.Sent}, {"failed", d.Failed}, {"dropped", d.Dropped}} {
		n := c.n
		err := reg.Register(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name:        "pingan_alert_deliveries_total",
			Help:        "Emergency alerts posted to the second channel (WeCom robot, webhook), by result.",
			ConstLabels: prometheus.Labels{"result": c.result},
		}, func() float64 { return float64(n()) }))
		if err != nil {
			return err
		}
	}
	return nil
}
