import { benchWorkload } from '../plugin/bench.ts'

benchWorkload('html')
