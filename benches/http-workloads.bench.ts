// noop and fib(n) over HTTP from every server in fixtures/servers/ (the html page is
// benches/http.bench.ts): a server's per-request overhead alone (noop) and with a little compute
// (fib). Narrow with WFB_RUNTIMES, WFB_WORKLOADS and WFB_HTTP_* (see docs/http.md).
import { benchHttp } from '../plugin/bench.ts'

benchHttp('noop')
benchHttp('fib')
