// Command primes counts the primes below n (default 1000000) with a sieve of Eratosthenes and
// prints `primes below <n>: <count>`. Built as a WASI command module:
//
//	GOOS=wasip1 GOARCH=wasm go build -trimpath -ldflags='-s -w' -o primes.wasm .
//
// It speaks wasm-faas-bench's warm protocol (docs/workloads.md): with `--wfb-repeat K` as the first
// two arguments it runs the work K more times in the same live instance, checks that each
// repetition's output equals the first, and prints one `wfb-warm-ns <nanoseconds>` line per
// repetition on stderr.
package main

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// countPrimes is the function under test: it keeps no state between calls.
func countPrimes(n int) int {
	if n < 3 {
		return 0
	}
	composite := make([]bool, n)
	count := 1 // 2
	for i := 3; i < n; i += 2 {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j < n; j += 2 * i {
			composite[j] = true
		}
	}
	return count
}

// work runs one call from the command-line arguments and returns its output and exit status.
func work(args []string) ([]byte, int) {
	n := 1000000
	if len(args) > 0 {
		value, err := strconv.Atoi(args[0])
		if err != nil || value < 0 {
			os.Stderr.WriteString("primes: n must be a whole number >= 0, got `" + args[0] + "`\n")
			return nil, 1
		}
		n = value
	}
	return []byte("primes below " + strconv.Itoa(n) + ": " + strconv.Itoa(countPrimes(n)) + "\n"), 0
}

func main() {
	args := os.Args[1:]
	repeat := 0
	// The warm protocol: `--wfb-repeat K` comes first; the function's own arguments follow.
	if len(args) > 0 && args[0] == "--wfb-repeat" {
		k := -1
		if len(args) > 1 {
			if value, err := strconv.Atoi(args[1]); err == nil {
				k = value
			}
		}
		if k < 0 {
			os.Stderr.WriteString("wfb: --wfb-repeat needs a whole number of repetitions >= 0\n")
			os.Exit(2)
		}
		repeat, args = k, args[2:]
	}
	first, status := work(args)
	if _, err := os.Stdout.Write(first); err != nil {
		os.Exit(5)
	}
	if status != 0 {
		os.Exit(status)
	}
	for i := 1; i <= repeat; i++ {
		start := time.Now()
		again, status := work(args)
		elapsed := time.Since(start)
		if status != 0 {
			os.Exit(status)
		}
		if !bytes.Equal(again, first) {
			os.Stderr.WriteString("wfb: repetition " + strconv.Itoa(i) + " produced different output\n")
			os.Exit(3)
		}
		os.Stderr.WriteString("wfb-warm-ns " + strconv.FormatInt(elapsed.Nanoseconds(), 10) + "\n")
	}
}
