package auth

import (
	"strings"
	"testing"
	"time"
)

func TestPasswordRoundTrip(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Errorf("hash %q is not a PHC argon2id string", h)
	}
	if !CheckPassword(h, "correct horse battery") || CheckPassword(h, "correct horse batterY") {
		t.Error("CheckPassword accepts the wrong password or refuses the right one")
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("a 5-character password was accepted")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$a2V5", "$bcrypt$x$y$z$w", strings.Repeat("$", 5)} {
		if CheckPassword(bad, "correct horse battery") {
			t.Errorf("malformed hash %q matched", bad)
		}
	}
}

func TestTokens(t *testing.T) {
	s1, h1, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	s2, _, _ := NewToken()
	if s1 == s2 || len(h1) != 64 || HashToken(s1) != h1 || strings.Contains(h1, s1) {
		t.Errorf("tokens: %q %q %q", s1, s2, h1)
	}
	if !ValidCSRF(s1, CSRFToken(s1)) || ValidCSRF(s1, CSRFToken(s2)) || ValidCSRF("", CSRFToken("")) {
		t.Error("CSRF token check is wrong")
	}
}

func TestThrottle(t *testing.T) {
	th := &Throttle{Free: 2, Base: time.Second, Max: 4 * time.Second}
	now := time.Unix(1000, 0)
	for range 2 {
		th.Fail("ana", now)
	}
	if w := th.Wait("ana", now); w != 0 {
		t.Errorf("wait after 2 free failures = %v", w)
	}
	th.Fail("ana", now)
	if w := th.Wait("ana", now); w != time.Second {
		t.Errorf("wait after 3 failures = %v, want 1s", w)
	}
	th.Fail("ana", now)
	th.Fail("ana", now)
	th.Fail("ana", now)
	if w := th.Wait("ana", now); w != 4*time.Second {
		t.Errorf("wait is not capped: %v", w)
	}
	if w := th.Wait("rob", now); w != 0 {
		t.Errorf("another key waits: %v", w)
	}
	th.Succeed("ana")
	if w := th.Wait("ana", now); w != 0 {
		t.Errorf("wait after success = %v", w)
	}
}
