package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// WeCom posts alerts to a WeCom (企业微信) group robot as text messages: the
// alert's Brief, or its full Content when Details is set (a robot group of staff
// only).
type WeCom struct {
	URL     string
	Client  *http.Client
	Details bool
}

// Name names the endpoint in logs without its key.
func (w *WeCom) Name() string { return "wecom " + redact(w.URL) }

// Send posts {"msgtype":"text","text":{"content":…}}; the robot answers
// 200 with errcode 0 when it took the message.
func (w *WeCom) Send(ctx context.Context, a Alert) error {
	content := a.Brief
	if w.Details || content == "" {
		content = a.Content
	}
	body, err := json.Marshal(map[string]any{"msgtype": "text", "text": map[string]string{"content": content}})
	if err != nil {
		return Permanent(err)
	}
	resp, err := post(ctx, w.Client, w.URL, body)
	if err != nil {
		return err
	}
	var r struct {
		ErrCode int    `json:"errcode"`
		ErrMsg  string `json:"errmsg"`
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return fmt.Errorf("wecom answer %q: %w", truncate(resp), err)
	}
	if r.ErrCode != 0 {
		return fmt.Errorf("wecom errcode %d: %s", r.ErrCode, r.ErrMsg)
	}
	return nil
}

// Webhook posts alerts as JSON (the Alert's fields) to any HTTPS endpoint,
// e.g. an SMS gateway; a 2xx answer is success.
type Webhook struct {
	URL    string
	Client *http.Client
}

// Name names the endpoint in logs without its query.
func (w *Webhook) Name() string { return "webhook " + redact(w.URL) }

// Send posts the alert as JSON.
func (w *Webhook) Send(ctx context.Context, a Alert) error {
	body, err := json.Marshal(a)
	if err != nil {
		return Permanent(err)
	}
	_, err = post(ctx, w.Client, w.URL, body)
	return err
}

// post sends body and returns the answer; a 4xx other than 408/429 is permanent.
func post(ctx context.Context, c *http.Client, u string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, Permanent(err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		err := fmt.Errorf("HTTP %d: %s", resp.StatusCode, truncate(b))
		if resp.StatusCode/100 == 4 && resp.StatusCode != 408 && resp.StatusCode != 429 {
			return nil, Permanent(err)
		}
		return nil, err
	}
	return b, nil
}

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(bad url)"
	}
	u.RawQuery, u.User = "", nil
	return u.String()
}

func truncate(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}
