// `npm run deps:graph`: prints the import graph between the folders of plugin/ and fixtures/, its cycles and the imports across the core/adapter line.
import { readImportGraph, renderImportGraph } from './import-graph.ts'

process.stdout.write(renderImportGraph(await readImportGraph()))
