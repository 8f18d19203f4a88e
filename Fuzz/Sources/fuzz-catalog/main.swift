import DebriefFuzzing
import FuzzDriver

// libFuzzer's driver, started from this program's own main (SwiftPM links every executable's
// main under its own name, so libFuzzer's `main` is not the one that runs): one input at a time
// to the catalog reader. Build and run with Fuzz/run.sh.
FuzzDriver.run { FuzzTarget.catalog.run($0) }
