// JSON Lines: `CompactRowJSON` (TransitReports) writes the compact rows and the rows of
// manifests that did not load; `--full` writes `JSONReport.line`, the SPEC 4 report per line.
