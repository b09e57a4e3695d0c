// Command standmap captures visitors' answers at a public-participation
// stand and shows the results live: on the laptop, a projector and SSH.
// The commands are in package cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"standmap/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
