# Multi-stage build: compile with the Swift 6 toolchain, run on a slim Debian with libpq and libcurl.
FROM swift:6.0-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev libcurl4-openssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product humas --static-swift-stdlib \
    && mkdir -p /out/bin && cp "$(swift build -c release --show-bin-path)/humas" /out/bin/

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 libcurl4 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app humas
COPY --from=build /out/bin/humas /app/bin/humas
COPY sql /app/share/humas/sql
COPY seed /app/share/humas/seed
USER humas
WORKDIR /app
ENV HUMAS_SQL_DIR=/app/share/humas/sql HUMAS_SEED_DIR=/app/share/humas/seed
ENTRYPOINT ["/app/bin/humas"]
CMD ["db", "status"]
