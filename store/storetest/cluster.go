package storetest

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// clusterSlots is the number of hash slots of a Redis Cluster.
const clusterSlots = 16384

// startCluster starts n redis-servers with cluster mode on loopback ports
// under dir, gives each a share of the slots, introduces them to each
// other and waits until the Cluster is up; it returns its URL. It does by
// hand what `redis-cli --cluster create … --cluster-replicas 0` does, so it
// needs nothing but redis-server.
func startCluster(bin, dir string, n int) (string, error) {
	ports, err := freePorts(n)
	if err != nil {
		return "", err
	}
	nodes := make([]*redis.Client, n)
	addrs := make([]string, n)
	for i, p := range ports {
		port := strconv.Itoa(p)
		addrs[i] = "127.0.0.1:" + port
		logFile := filepath.Join(dir, "node-"+port+".log")
		if err := launch(bin, "--port", port, "--bind", "127.0.0.1", "--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, "nodes-"+port+".conf"), "--cluster-node-timeout", "5000",
			"--save", "", "--appendonly", "no", "--dir", dir, "--logfile", logFile); err != nil {
			return "", err
		}
		if err := waitPing("redis://"+addrs[i], logFile); err != nil {
			return "", err
		}
		nodes[i] = redis.NewClient(&redis.Options{Addr: addrs[i]})
		defer nodes[i].Close()
	}
	ctx := context.Background()
	for i, c := range nodes {
		from, to := i*clusterSlots/n, (i+1)*clusterSlots/n-1
		if err := c.ClusterAddSlotsRange(ctx, from, to).Err(); err != nil {
			return "", fmt.Errorf("cluster: slots %d-%d to %s: %w", from, to, addrs[i], err)
		}
		if i > 0 {
			if err := nodes[0].ClusterMeet(ctx, "127.0.0.1", strconv.Itoa(ports[i])).Err(); err != nil {
				return "", fmt.Errorf("cluster: meet %s: %w", addrs[i], err)
			}
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for _, c := range nodes {
		for {
			info, err := c.ClusterInfo(ctx).Result()
			if err == nil && strings.Contains(info, "cluster_state:ok") && strings.Contains(info, "cluster_known_nodes:"+strconv.Itoa(n)) {
				break
			}
			if time.Now().After(deadline) {
				log, _ := os.ReadFile(filepath.Join(dir, "node-"+strings.TrimPrefix(c.Options().Addr, "127.0.0.1:")+".log"))
				return "", fmt.Errorf("cluster not up within 20s: %v\n%s\n%s", err, info, log)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return "redis://" + strings.Join(addrs, ","), nil
}

// freePorts finds n loopback ports that are free, each with its cluster
// bus port (port + 10000) free too.
func freePorts(n int) ([]int, error) {
	var out []int
	for tries := 0; len(out) < n && tries < 100; tries++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		p := l.Addr().(*net.TCPAddr).Port
		bus, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+10000))
		if err == nil {
			_ = bus.Close()
			if p+10000 < 65536 {
				out = append(out, p)
			}
		}
		_ = l.Close()
	}
	if len(out) < n {
		return nil, fmt.Errorf("cluster: no %d free loopback ports with their bus ports", n)
	}
	return out, nil
}
