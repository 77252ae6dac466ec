# pingan — make test runs vet and the race-enabled tests against a real
# redis-server (the resemblance model's training tests, plain arithmetic, run
# after them without -race), then the store and handler tests again on a Redis Cluster,
# with the chart's Chinese font (redis-server and the font installed here
# when missing and we may; see README).

GO ?= go

# The Cluster run: the store and handler tests on REDIS_CLUSTER_URL when set
# (redis://h1:7000,h2:7001,…), else on a 3-master Cluster that the tests
# start on loopback from redis-server and that dies with them, even on a
# failure or a timeout. The race detector already ran on both packages.
CLUSTER_TESTFLAGS ?= -count=1

.PHONY: test test-cluster vet build bench redis-server fonts demo

test: redis-server fonts vet
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'TestResemble' ./handlers/parse/
	@$(MAKE) --no-print-directory test-cluster
	$(GO) test -run '^$$' -bench . -benchtime 200x ./handlers/parse/

test-cluster:
	@if [ -n "$$REDIS_CLUSTER_URL" ]; then \
		echo "store and handler tests on the Redis Cluster at REDIS_CLUSTER_URL"; \
		REDIS_URL="$$REDIS_CLUSTER_URL" $(GO) test $(CLUSTER_TESTFLAGS) ./store/... ./handlers/; \
	elif command -v redis-server >/dev/null 2>&1; then \
		echo "store and handler tests on a 3-master Redis Cluster on loopback"; \
		REDIS_URL= PINGAN_TEST_CLUSTER=1 $(GO) test $(CLUSTER_TESTFLAGS) ./store/... ./handlers/; \
	else \
		echo "the Cluster run needs redis-server on PATH (Debian: apt-get install redis-server) or REDIS_CLUSTER_URL"; exit 1; \
	fi

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

build:
	$(GO) build -o pingan .

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

demo:
	$(GO) run . demo --script examples/day.txt

# Tests need redis-server on PATH unless REDIS_URL is set.
redis-server:
	@if [ -n "$$REDIS_URL" ] || command -v redis-server >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing redis-server (Debian package)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q redis-server >/dev/null 2>&1 || \
		{ apt-get update -q >/dev/null 2>&1; apt-get install -y -q redis-server >/dev/null 2>&1; }; \
		command -v redis-server >/dev/null 2>&1 || { echo "could not install redis-server: install it (apt-get install redis-server) or set REDIS_URL"; exit 1; }; \
	else \
		echo "tests need redis-server: install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL"; exit 1; \
	fi

# The report chart needs a Chinese font: Debian's fonts-noto-cjk (Noto Sans
# CJK SC), unless PINGAN_FONT names another.
NOTO_CJK := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
fonts:
	@if [ -n "$$PINGAN_FONT" ] || [ -f $(NOTO_CJK) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing fonts-noto-cjk (Debian package, the chart's Chinese font)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null 2>&1 || \
		{ apt-get update -q >/dev/null 2>&1; apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null 2>&1; }; \
		[ -f $(NOTO_CJK) ] || { echo "could not install fonts-noto-cjk: install it (apt-get install fonts-noto-cjk) or set PINGAN_FONT to a font with Simplified Chinese glyphs"; exit 1; }; \
	else \
		echo "the chart tests need a Chinese font: install it (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk), or set PINGAN_FONT to a .ttc/.otf with Simplified Chinese glyphs such as Noto Sans CJK SC"; exit 1; \
	fi
