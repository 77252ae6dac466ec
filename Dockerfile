# Multi-stage build: a static pingan binary on a small non-root image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/pingan .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/pingan /usr/local/bin/pingan
WORKDIR /data
USER nonroot:nonroot
# /data holds the config, the roster and the WeChat session file.
VOLUME ["/data"]
EXPOSE 9464
ENTRYPOINT ["/usr/local/bin/pingan"]
CMD ["run", "--config", "/data/pingan.yaml"]
