package store_test

import (
	"testing"

	"github.com/redis/go-redis/v9"

	"pingan/store"
)

func TestNewClientURLs(t *testing.T) {
	tests := []struct {
		url  string
		kind string
		addr string
	}{
		{"redis://:pw@127.0.0.1:6379/2", "single", "127.0.0.1:6379"},
		{"unix:///tmp/r.sock", "single", "/tmp/r.sock"},
		{"redis://:pw@a:7000,b:7001,c:7002", "cluster", "a:7000,b:7001,c:7002"},
		{"redis+sentinel://:pw@s1:26379,s2:26379/mymaster/1", "sentinel", ""},
	}
	for _, tc := range tests {
		c, err := store.NewClient(tc.url)
		if err != nil {
			t.Errorf("%s: %v", tc.url, err)
			continue
		}
		switch cc := c.(type) {
		case *redis.ClusterClient:
			if tc.kind != "cluster" || len(cc.Options().Addrs) != 3 || cc.Options().Password != "pw" {
				t.Errorf("%s: cluster %+v", tc.url, cc.Options().Addrs)
			}
		case *redis.Client:
			o := cc.Options()
			if tc.kind == "sentinel" {
				if o.DB != 1 || o.Password != "pw" {
					t.Errorf("%s: failover options %+v", tc.url, o)
				}
			} else if tc.kind != "single" || o.Addr != tc.addr {
				t.Errorf("%s: single %s", tc.url, o.Addr)
			}
		default:
			t.Errorf("%s: %T", tc.url, c)
		}
		c.Close()
	}
	for _, bad := range []string{"localhost:6379", "redis+sentinel://s1:26379", "http://x"} {
		if _, err := store.NewClient(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
