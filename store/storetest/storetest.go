// Package storetest gives tests a real Redis: the one named by REDIS_URL
// (one server, or a Cluster: redis://h1:7000,h2:7001,…), else a
// redis-server started from PATH for the test binary — a 3-master Cluster
// on loopback when PINGAN_TEST_CLUSTER=1 — and a fresh office id per test
// so that tests never see each other's keys and can run in parallel.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/store"
)

var (
	once     sync.Once
	url      string
	startErr error
	servers  []*exec.Cmd
	dir      string
)

// Main runs the package's tests and stops the redis-servers it started, if
// any. Call it from TestMain: `func TestMain(m *testing.M) { storetest.Main(m) }`.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop kills the redis-servers this process started.
func Stop() {
	for _, s := range servers {
		if s.Process != nil {
			_ = s.Process.Kill()
			_ = s.Wait()
		}
	}
	servers = nil
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
}

// URL returns the Redis URL tests use, starting a server (or a Cluster)
// when needed.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(start)
	if startErr != nil {
		t.Fatalf("storetest: %v", startErr)
	}
	return url
}

// Cluster reports whether the tests run on a Redis Cluster.
func Cluster(t testing.TB) bool {
	t.Helper()
	return strings.Contains(URL(t), ",")
}

func start() {
	if u := os.Getenv("REDIS_URL"); u != "" {
		url = u
		return
	}
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		startErr = fmt.Errorf("no REDIS_URL and no redis-server on PATH: install the Debian package redis-server (apt-get install redis-server) or set REDIS_URL")
		return
	}
	dir, err = os.MkdirTemp("", "pgr")
	if err != nil {
		startErr = err
		return
	}
	if os.Getenv("PINGAN_TEST_CLUSTER") != "" {
		url, startErr = startCluster(bin, dir, 3)
		return
	}
	sock := filepath.Join(dir, "r.sock")
	startErr = launch(bin, "--port", "0", "--unixsocket", sock, "--unixsocketperm", "700",
		"--save", "", "--appendonly", "no", "--dir", dir, "--logfile", filepath.Join(dir, "log"))
	if startErr != nil {
		return
	}
	url = "unix://" + sock
	startErr = waitPing(url, filepath.Join(dir, "log"))
}

// launch starts a redis-server that dies with the test binary, even when
// -timeout kills it.
func launch(bin string, args ...string) error {
	cmd := exec.Command(bin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start redis-server: %w", err)
	}
	servers = append(servers, cmd)
	return nil
}

// waitPing waits until the server at u answers; logFile is shown if not.
func waitPing(u, logFile string) error {
	opt, err := redis.ParseURL(u)
	if err != nil {
		return err
	}
	c := redis.NewClient(opt)
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := c.Ping(context.Background()).Err()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logFile)
			return fmt.Errorf("redis-server did not answer within 10s: %v\n%s", err, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Client returns a client on the test Redis (a Cluster client for a
// Cluster URL), closed when the test ends.
func Client(t testing.TB) redis.UniversalClient {
	t.Helper()
	c, err := store.NewClient(URL(t))
	if err != nil {
		t.Fatalf("storetest: bad REDIS_URL: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// Office returns an office id no other test uses, and removes its keys
// when the test ends.
func Office(t testing.TB, c redis.UniversalClient) string {
	t.Helper()
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := strings.NewReplacer("/", "-", " ", "_").Replace(t.Name())
	if len(name) > 40 {
		name = name[:40]
	}
	office := "t-" + name + "-" + hex.EncodeToString(b[:])
	t.Cleanup(func() { // best effort: the test may have closed the client
		ctx := context.Background()
		keys, _ := officeKeys(ctx, c, office)
		for _, k := range keys {
			c.Del(ctx, k)
		}
	})
	return office
}

// Keys lists an office's keys. On a Cluster they are all on the master
// that serves the office's slot, and only there.
func Keys(t testing.TB, c redis.UniversalClient, office string) []string {
	t.Helper()
	keys, err := officeKeys(context.Background(), c, office)
	if err != nil {
		t.Errorf("storetest: keys of office %s: %v", office, err)
	}
	return keys
}

func officeKeys(ctx context.Context, c redis.UniversalClient, office string) ([]string, error) {
	node := c
	if cc, ok := c.(*redis.ClusterClient); ok {
		m, err := cc.MasterForKey(ctx, "pg:{"+office+"}:")
		if err != nil {
			return nil, err
		}
		node = m
	}
	var out []string
	iter := node.Scan(ctx, 0, "pg:{"+office+"}:*", 500).Iterator()
	for iter.Next(ctx) {
		out = append(out, iter.Val())
	}
	return out, iter.Err()
}

// Server is a private redis-server a test can stop and start again, to
// see what the bot does while Redis is down.
type Server struct {
	t       testing.TB
	dir     string
	sock    string
	cmd     *exec.Cmd
	persist bool
}

// NewServer starts a private redis-server for one test; it is stopped
// when the test ends. The test is skipped when redis-server is not on PATH
// (a shared REDIS_URL server cannot be stopped by a test).
func NewServer(t testing.TB) *Server {
	t.Helper()
	return newServer(t, true)
}

// NewMemoryServer starts a private redis-server without persistence for
// one test or benchmark, e.g. to measure what the store's keys cost in
// memory; it is stopped when the test ends. Skipped without redis-server.
func NewMemoryServer(t testing.TB) *Server {
	t.Helper()
	return newServer(t, false)
}

func newServer(t testing.TB, persist bool) *Server {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("needs redis-server on PATH to start a private server")
	}
	dir, err := os.MkdirTemp("", "pgs")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{t: t, dir: dir, sock: filepath.Join(dir, "r.sock"), persist: persist}
	t.Cleanup(func() { s.Stop(); _ = os.RemoveAll(dir) })
	s.Start()
	return s
}

// URL is the server's address.
func (s *Server) URL() string { return "unix://" + s.sock }

// Start starts the server and waits until it answers.
func (s *Server) Start() {
	s.t.Helper()
	args := []string{"--port", "0", "--unixsocket", s.sock, "--unixsocketperm", "700", "--save", "", "--dir", s.dir}
	if s.persist {
		args = append(args, "--appendonly", "yes", "--appendfsync", "always")
	} else {
		args = append(args, "--appendonly", "no")
	}
	s.cmd = exec.Command("redis-server", args...)
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		s.t.Fatalf("start redis-server: %v", err)
	}
	opt, _ := redis.ParseURL(s.URL())
	c := redis.NewClient(opt)
	defer c.Close()
	for deadline := time.Now().Add(10 * time.Second); c.Ping(context.Background()).Err() != nil; {
		if time.Now().After(deadline) {
			s.t.Fatal("private redis-server did not answer within 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Stop kills the server; its append-only file keeps the data for Start.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
		s.cmd = nil
	}
}
