# Multi-stage build: a static pingan binary on a small non-root image.
FROM golang:1.26-bookworm AS build
# The report chart's Chinese font: Noto Sans CJK from Debian's fonts-noto-cjk.
# Only its .ttc (Sans Regular, whose face 2 is Simplified Chinese) and its
# licence (SIL OFL) go into the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && test -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/pingan .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/pingan /usr/local/bin/pingan
# The path the bot looks at first (report.DefaultFontPath); no config needed.
COPY --from=build /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
COPY --from=build /usr/share/doc/fonts-noto-cjk/copyright /usr/share/doc/fonts-noto-cjk/copyright
WORKDIR /data
USER nonroot:nonroot
# /data holds the config, the roster and the WeChat session file.
VOLUME ["/data"]
EXPOSE 9464
ENTRYPOINT ["/usr/local/bin/pingan"]
CMD ["run", "--config", "/data/pingan.yaml"]
