//go:build race

package detect

// raceEnabled slows the time limits of TestHostileInput: the race detector
// makes the scan several times slower.
const raceEnabled = true
