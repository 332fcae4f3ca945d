import { benchWorkload } from 'wasm-faas-bench/bench'

// One test per selected runtime and instance mode, every output checked against `expected`.
benchWorkload('primes')
benchWorkload('norm')
benchWorkload('collatz')
