// Package auth holds the secrets side of accounts: password hashing with
// argon2id, random tokens stored only as their SHA-256, CSRF tokens derived
// from a session, and a throttle against password guessing.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters, as recommended by RFC 9106 for memory-constrained
// use (the second recommended option) and OWASP's password storage sheet.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 2
	argonKeyLen  = 32
	saltLen      = 16
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

// HashPassword returns an argon2id hash of pw in the PHC string format.
func HashPassword(pw string) (string, error) {
	if len([]rune(pw)) < MinPasswordLength {
		return "", fmt.Errorf("a password needs at least %d characters", MinPasswordLength)
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("read random salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches hash, in constant time. A
// malformed hash matches nothing.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var mem, iters uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil ||
		mem == 0 || mem > 1<<20 || iters == 0 || iters > 16 || threads == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 128 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, iters, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// NewToken returns a random secret to give to the user and the hash to store.
func NewToken() (secret, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("read random token: %w", err)
	}
	secret = "zt_" + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret), nil
}

// HashToken is what is stored of a token's secret.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CSRFToken is the anti-forgery token for forms of the session whose secret
// is given: derived from it, so it needs no storage and dies with the session.
func CSRFToken(sessionSecret string) string {
	sum := sha256.Sum256([]byte("zicht-csrf|" + sessionSecret))
	return hex.EncodeToString(sum[:16])
}

// ValidCSRF compares a submitted token with the session's, in constant time.
func ValidCSRF(sessionSecret, submitted string) bool {
	return sessionSecret != "" && subtle.ConstantTimeCompare([]byte(CSRFToken(sessionSecret)), []byte(submitted)) == 1
}

// Throttle slows down password guessing: after Free failed attempts for a
// key (a user name, an address) every further attempt must wait twice as
// long as the one before, up to Max. A success resets the key.
type Throttle struct {
	Free int           // failures allowed without waiting; 0 means 5
	Base time.Duration // first wait; 0 means 1s
	Max  time.Duration // longest wait; 0 means 15 minutes

	mu    sync.Mutex
	state map[string]*attempts
}

type attempts struct {
	fails int
	until time.Time
}

func (t *Throttle) limits() (int, time.Duration, time.Duration) {
	free, base, maxWait := t.Free, t.Base, t.Max
	if free <= 0 {
		free = 5
	}
	if base <= 0 {
		base = time.Second
	}
	if maxWait <= 0 {
		maxWait = 15 * time.Minute
	}
	return free, base, maxWait
}

// Wait is how long key must wait before its next attempt at now; zero when it may try.
func (t *Throttle) Wait(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if a, ok := t.state[key]; ok && now.Before(a.until) {
		return a.until.Sub(now)
	}
	return 0
}

// Fail records a failed attempt for key at now.
func (t *Throttle) Fail(key string, now time.Time) {
	free, base, maxWait := t.limits()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state == nil {
		t.state = map[string]*attempts{}
	}
	if len(t.state) > 100000 { // bounded memory under a spray of names
		for k, a := range t.state {
			if now.After(a.until) {
				delete(t.state, k)
			}
		}
	}
	a := t.state[key]
	if a == nil {
		a = &attempts{}
		t.state[key] = a
	}
	a.fails++
	if a.fails > free {
		wait := base << min(a.fails-free-1, 20)
		a.until = now.Add(min(wait, maxWait))
	}
}

// Succeed clears key.
func (t *Throttle) Succeed(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.state, key)
}
