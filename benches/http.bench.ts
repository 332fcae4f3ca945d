// The html page served over HTTP by every server in fixtures/servers/ (concurrency and keep-alive
// from WFB_HTTP_CONCURRENCY / WFB_HTTP_KEEPALIVE; see docs/http.md).
import { benchHttp } from '../plugin/bench.ts'

benchHttp('html')
