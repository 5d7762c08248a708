import ArgumentParser
import TransitEngine

// The values of the `--format` and `--by` options, each an enum the parser checks, so a bad
// value is a usage error (exit 2) before any work. The formats of `check`, `history` and
// `rules export` are nested in those commands (`CheckCommand.Format`).

/// The output formats of listings and coverage.
enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// `rules lint --format`.
enum LintFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

/// `rules diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }

/// `corridors compare --by`: what ranks corridors after the verdict.
enum RankBy: String, ExpressibleByArgument, CaseIterable { case time, cost }

extension BatchFormat: ExpressibleByArgument {}
