package wechat

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Status is the transport's health, as /healthz reports it.
type Status struct {
	// State is the login state.
	State State `json:"state"`
	// Account is the logged-in account's nickname; kept after a drop.
	Account string `json:"account,omitempty"`
	// LastSync is when WeChat last answered the sync loop.
	LastSync time.Time `json:"last_sync,omitzero"`
	// OutboxLen is the number of messages waiting to be sent; -1 when
	// unknown.
	OutboxLen int64 `json:"outbox_len"`
	// MessagesIn, MessagesOut and SendFailures count since start.
	MessagesIn   int64 `json:"messages_in"`
	MessagesOut  int64 `json:"messages_out"`
	SendFailures int64 `json:"send_failures"`
	// Checks is the state of each other dependency: "ok" or why not.
	Checks map[string]string `json:"checks,omitempty"`
	// Problems says, in a line each, what makes the bot unhealthy: WeChat
	// logged out or silent, a dependency down.
	Problems []string `json:"problems,omitempty"`
	// Healthy is true when online, the last sync is recent and every
	// check passes.
	Healthy bool `json:"healthy"`
}

// Check is a dependency /healthz asks about besides WeChat (Redis).
type Check struct {
	// Name names it in Status.Checks and Problems.
	Name string
	// Err reports why it cannot be used; nil when it can.
	Err func(ctx context.Context) error
}

// Lener reports a queue's length; *bot.Outbox implements it.
type Lener interface {
	Len(ctx context.Context) (int64, error)
}

// staleSync is how long without a sync answer makes the bot unhealthy:
// WeChat holds a synccheck about 25 s.
const staleSync = 2 * time.Minute

// Status returns the current health, asking each check; outbox may be nil.
func (t *Transport) Status(ctx context.Context, outbox Lener, checks ...Check) Status {
	t.mu.RLock()
	st := Status{State: t.state, Account: t.account}
	t.mu.RUnlock()
	st.LastSync = t.LastSync()
	st.OutboxLen = -1
	if outbox != nil {
		if n, err := outbox.Len(ctx); err == nil {
			st.OutboxLen = n
		}
	}
	st.MessagesIn, st.MessagesOut, st.SendFailures = t.in.Load(), t.out.Load(), t.sendFail.Load()
	switch {
	case st.State != StateOnline:
		st.Problems = append(st.Problems, "wechat: "+string(st.State))
	case time.Since(st.LastSync) >= staleSync:
		st.Problems = append(st.Problems, "wechat: no sync since "+st.LastSync.Format(time.RFC3339))
	}
	for _, c := range checks {
		if st.Checks == nil {
			st.Checks = map[string]string{}
		}
		if err := c.Err(ctx); err != nil {
			st.Checks[c.Name] = err.Error()
			st.Problems = append(st.Problems, c.Name+": "+err.Error())
			continue
		}
		st.Checks[c.Name] = "ok"
	}
	st.Healthy = len(st.Problems) == 0
	return st
}

// RegisterMetrics registers the transport's collectors on reg:
// pingan_wechat_messages_in_total, pingan_wechat_messages_out_total,
// pingan_wechat_send_failures_total, pingan_wechat_logged_in,
// pingan_wechat_last_sync_timestamp_seconds and (when outbox is not nil)
// pingan_outbox_length.
func (t *Transport) RegisterMetrics(reg prometheus.Registerer, outbox Lener) error {
	cs := []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "pingan_wechat_messages_in_total",
			Help: "Inbound WeChat messages handed to the bot."}, func() float64 { return float64(t.in.Load()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "pingan_wechat_messages_out_total",
			Help: "Messages sent to WeChat."}, func() float64 { return float64(t.out.Load()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "pingan_wechat_send_failures_total",
			Help: "Send attempts that failed (including while logged out)."}, func() float64 { return float64(t.sendFail.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pingan_wechat_logged_in",
			Help: "1 while a WeChat session is up."}, func() float64 {
			if t.State() == StateOnline {
				return 1
			}
			return 0
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pingan_wechat_last_sync_timestamp_seconds",
			Help: "Unix time of the last successful sync with WeChat."}, func() float64 {
			if s := t.LastSync(); !s.IsZero() {
				return float64(s.UnixNano()) / 1e9
			}
			return 0
		}),
	}
	if outbox != nil {
		cs = append(cs, prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pingan_outbox_length",
			Help: "Messages waiting in the outbox."}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := outbox.Len(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		}))
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// HealthHandler serves /healthz (JSON Status; 200 when healthy, else 503
// with the problems) and /metrics (the registry reg in Prometheus text
// format). It registers the transport's metrics on reg.
func HealthHandler(t *Transport, reg *prometheus.Registry, outbox Lener, checks ...Check) (http.Handler, error) {
	if err := t.RegisterMetrics(reg, outbox); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		st := t.Status(ctx, outbox, checks...)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if !st.Healthy {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(st)
	})
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux, nil
}

// ServeHealth serves h on addr (e.g. "127.0.0.1:9464") until ctx ends.
func ServeHealth(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	log.Info("health endpoint listening", "addr", ln.Addr().String())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return ctx.Err()
}
