package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"pingan/office"
	"testing"
	"time"

	"pingan/alert"
	"pingan/bot/bottest"
	"pingan/clock"
)

// TestAppWiresAlertChannel: with urgent.webhook set, the app's emergency
// alerts reach the webhook.
func TestAppWiresAlertChannel(t *testing.T) {
	got := make(chan alert.Alert, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a alert.Alert
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &a); err != nil {
			t.Errorf("body %s: %v", b, err)
		}
		got <- a
	}))
	defer srv.Close()
	cfg, err := office.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Urgent.Webhook = srv.URL
	tr := bottest.New()
	app, err := office.New(context.Background(), office.Options{Cfg: cfg, Clock: clock.NewSim(time.Date(2026, 11, 24, 10, 0, 0, 0, cfg.Location)),
		Embedded: true, Transport: tr, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Instance: "t"})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if app.Alerts == nil {
		t.Fatal("no dispatcher")
	}
	app.Handler().Handle(context.Background(), bottest.Group("u1", "一支部老同志群", "老张", "我摔倒了起不来"))
	select {
	case a := <-got:
		if a.ID != 1 || a.Event != alert.EventAlert || a.Text != "我摔倒了起不来" || a.Office != cfg.Office {
			t.Errorf("webhook got %+v", a)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook post")
	}
	app.Alerts.Wait()
	mfs, err := app.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sent := -1.0
	for _, mf := range mfs {
		if mf.GetName() == "pingan_alert_deliveries_total" {
			for _, m := range mf.GetMetric() {
				if m.GetLabel()[0].GetValue() == "sent" {
					sent = m.GetCounter().GetValue()
				}
			}
		}
	}
	if sent != 1 {
		t.Errorf("pingan_alert_deliveries_total{result=sent} = %v, want 1", sent)
	}
}
