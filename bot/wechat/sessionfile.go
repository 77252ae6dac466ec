package wechat

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"sync"
)

// sessionFile is the hot-login storage openwechat reads once and rewrites
// after login and after every sync. One object serves one login attempt
// (the library's own file storage cannot be read twice).
//
// It also works around two library bugs (see the protocol notes, §3.4):
//   - reloaded cookies become host-only for the host they were saved under,
//     so after a hot login the file host has no webwx_data_ticket and uploads
//     fail: on read, every cookie saved for the WeChat domain is copied to
//     its file. and webpush. hosts;
//   - the reloaded jar forgets its hosts, so the next dump writes "Jar":{}:
//     on write, an empty jar is replaced by the last non-empty one.
//
// Writes go to a temporary file renamed into place, mode 0600. After close,
// writes are ignored, so a session that ended cannot overwrite the file a
// newer session is using.
type sessionFile struct {
	path string

	mu      sync.Mutex
	buf     *bytes.Reader
	lastJar json.RawMessage
	closed  bool
}

func newSessionFile(path string) *sessionFile { return &sessionFile{path: path} }

// hasSession reports whether path holds a saved session worth trying.
func hasSession(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > 2
}

func (f *sessionFile) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.buf == nil {
		raw, err := os.ReadFile(f.path)
		if errors.Is(err, os.ErrNotExist) {
			raw = nil
		} else if err != nil {
			return 0, err
		}
		f.buf = bytes.NewReader(f.fixRead(raw))
	}
	return f.buf.Read(p)
}

// fixRead copies the saved cookies onto the file. and webpush. hosts.
func (f *sessionFile) fixRead(raw []byte) []byte {
	var item map[string]json.RawMessage
	if json.Unmarshal(raw, &item) != nil {
		return raw
	}
	var domain string
	var jar map[string]json.RawMessage
	if json.Unmarshal(item["WechatDomain"], &domain) != nil || domain == "" ||
		json.Unmarshal(item["Jar"], &jar) != nil || len(jar) == 0 {
		return raw
	}
	f.lastJar = item["Jar"]
	// Merge the cookies of every saved host that belongs to the domain.
	var all []json.RawMessage
	for host, cs := range jar {
		u, err := url.Parse(host)
		if err != nil {
			continue
		}
		if h := u.Hostname(); h == domain || h == "file."+domain || h == "webpush."+domain {
			var list []json.RawMessage
			if json.Unmarshal(cs, &list) == nil {
				all = append(all, list...)
			}
		}
	}
	if len(all) == 0 {
		return raw
	}
	merged, _ := json.Marshal(dedupeCookies(all))
	for _, h := range []string{domain, "file." + domain, "webpush." + domain} {
		key := "https://" + h
		if _, ok := jar[key]; !ok || h != domain {
			jar[key] = merged
		}
	}
	item["Jar"], _ = json.Marshal(jar)
	out, err := json.Marshal(item)
	if err != nil {
		return raw
	}
	return out
}

// dedupeCookies keeps the first cookie of each name.
func dedupeCookies(all []json.RawMessage) []json.RawMessage {
	seen := map[string]bool{}
	var out []json.RawMessage
	for _, c := range all {
		var n struct{ Name string }
		if json.Unmarshal(c, &n) != nil || seen[n.Name] {
			continue
		}
		seen[n.Name] = true
		out = append(out, c)
	}
	return out
}

func (f *sessionFile) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return len(p), nil
	}
	data := p
	var item map[string]json.RawMessage
	if json.Unmarshal(p, &item) == nil {
		var jar map[string]json.RawMessage
		if json.Unmarshal(item["Jar"], &jar) == nil && len(jar) > 0 {
			f.lastJar = item["Jar"]
		} else if f.lastJar != nil {
			item["Jar"] = f.lastJar
			if b, err := json.Marshal(item); err == nil {
				data = append(b, '\n')
			}
		}
	}
	if err := writeFile0600(f.path, data); err != nil {
		return 0, err
	}
	return len(p), nil
}

// close makes later writes no-ops.
func (f *sessionFile) close() {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
}

func writeFile0600(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".session-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
