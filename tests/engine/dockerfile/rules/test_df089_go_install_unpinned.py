from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@latest\n", 2, 16),
    ("FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv\n", 2, 16),
    ("FROM golang:1.23\nRUN go install -ldflags '-s -w' github.com/a/b@master\n", 2, 33),
    ("FROM golang:1.23\nRUN go mod download && \\\n    go install honnef.co/go/tools/cmd/staticcheck@latest\n", 3, 16),
    ("FROM golang:1.23\nRUN <<EOF\ngo install github.com/x/y@HEAD\nEOF\n", 3, 12),
    ("FROM golang:1.23\nRUN go get github.com/x/y\n", 2, 12),
    ("FROM golang:1.23\nRUN go get github.com/x/y@latest\n", 2, 12),
    ("FROM golang:1.23\nRUN go run github.com/x/gen@latest -out api.go\n", 2, 12),
    ("FROM golang:1.23\nRUN go install -tags netgo github.com/a/b@upgrade\n", 2, 28),
    ("FROM golang:1.23\nONBUILD RUN go install github.com/x/y@latest\n", 2, 24),
    # `go get -tool` adds a module, whatever its path looks like (hadolint's DL3062 spec).
    ("FROM golang:1.24\nRUN go get -tool foobar\n", 2, 18),
    ("FROM golang:1.24\nRUN go get -tool foobar@latest\n", 2, 18),
]
NEAR_MISSES = [
    "FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0\n",
    "FROM golang:1.23\nRUN go install ./cmd/app\n",
    "FROM golang:1.23\nRUN go install .\n",
    "FROM golang:1.23\nRUN go build -o /app ./...\n",
    "FROM golang:1.23\nRUN go install $TOOL\n",
    "FROM golang:1.23\n# hadolint ignore=DL3062\nRUN go install github.com/x/y@latest\n",
    "FROM golang:1.23\nRUN go get github.com/x/y@v1.2.3\n",
    "FROM golang:1.23\nRUN go run ./cmd/gen -o example.com/x\n",
    "FROM golang:1.23\nRUN go run main.go\n",
    "FROM golang:1.23\nRUN go run github.com/x/gen@v1.0.0 example.com/y\n",
    "FROM golang:1.23\nRUN go get -u ./...\n",
    "FROM golang:1.24\nRUN go get -tool foobar@v1.2.3\n",
    "FROM golang:1.24\nRUN go get -tool ./cmd/tool\n",
    "FROM golang:1.23\nRUN go install std\n",
]

test_triggers, test_near_misses = rule_table("DF089", TRIGGERS, NEAR_MISSES)
