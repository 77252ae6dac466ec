package bot

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// outboxMetrics are the outbox's measurements: sends by lane, sends in the
// last minute, and how long alarms took from the message that caused them.
type outboxMetrics struct {
	sentTotal   atomic.Int64
	failedTotal atomic.Int64
	sent        *prometheus.CounterVec
	alarmDelay  prometheus.Histogram

	mu     sync.Mutex
	recent []time.Time // send times, for sends per minute
	last   time.Time   // the newest send, by the outbox's clock
}

func newOutboxMetrics() *outboxMetrics {
	return &outboxMetrics{
		sent: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "pingan_outbox_sent_total",
			Help: "Messages sent, by lane (alarm, staff, broadcast, courtesy)."}, []string{"lane"}),
		alarmDelay: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "pingan_alarm_delay_seconds",
			Help:    "Time from an inbound message's arrival to its alarm leaving the outbox.",
			Buckets: []float64{1, 2, 5, 10, 15, 30, 60, 120, 300, 900}}),
	}
}

func (mt *outboxMetrics) observe(now time.Time, m Outgoing) {
	mt.sentTotal.Add(1)
	mt.sent.WithLabelValues(string(laneOf(m))).Inc()
	if m.Lane == LaneAlarm && !m.Origin.IsZero() {
		mt.alarmDelay.Observe(now.Sub(m.Origin).Seconds())
	}
	mt.mu.Lock()
	defer mt.mu.Unlock()
	mt.last = now
	mt.recent = append(mt.recent, now)
	mt.prune(now)
}

// prune forgets sends older than a minute before now; mu is held.
func (mt *outboxMetrics) prune(now time.Time) {
	i := 0
	for i < len(mt.recent) && !mt.recent[i].After(now.Add(-time.Minute)) {
		i++
	}
	mt.recent = mt.recent[i:]
}

// SentLastMinute is the number of messages sent in the minute before now.
func (o *Outbox) SentLastMinute() int {
	mt := o.m
	mt.mu.Lock()
	defer mt.mu.Unlock()
	mt.prune(o.Now())
	return len(mt.recent)
}

// Register adds the outbox's collectors to reg: pingan_outbox_sent_total
// {lane}, pingan_alarm_delay_seconds, pingan_outbox_sends_last_minute,
// pingan_outbox_lane_depth{lane}, pingan_outbox_local_alarms,
// pingan_outbox_given_up_total.
func (o *Outbox) Register(reg prometheus.Registerer) error {
	depth := prometheus.NewDesc("pingan_outbox_lane_depth", "Messages waiting in each lane of the outbox.", []string{"lane"}, nil)
	cs := []prometheus.Collector{
		o.m.sent, o.m.alarmDelay,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pingan_outbox_sends_last_minute",
			Help: "Messages sent in the last minute (the pacing caps it at outbox.per_minute)."},
			func() float64 { return float64(o.SentLastMinute()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pingan_outbox_local_alarms",
			Help: "Alarms waiting in the process because the store could not take them."},
			func() float64 { return float64(o.local.len()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "pingan_outbox_given_up_total",
			Help: "Messages the outbox stopped trying to send after its last attempt (kept in Redis, see the log)."},
			func() float64 { return float64(o.Failed()) }),
		depthCollector{o: o, desc: depth},
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// depthCollector reads the lanes' depths from the store at each scrape.
type depthCollector struct {
	o    *Outbox
	desc *prometheus.Desc
}

func (d depthCollector) Describe(ch chan<- *prometheus.Desc) { ch <- d.desc }

func (d depthCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	b, err := d.o.Backlog(ctx)
	if err != nil {
		return
	}
	for _, l := range Lanes {
		ch <- prometheus.MustNewConstMetric(d.desc, prometheus.GaugeValue, float64(b.Depth[l]), string(l))
	}
}
