package extract

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the date formats found in HTML metadata, ISO 8601 first,
// then the Dutch day-month-year.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	"02-01-2006",
	"2-1-2006",
	"02.01.2006",
	time.RFC1123Z,
	time.RFC1123,
	"2 January 2006",
	"January 2, 2006",
	"2006-01",
}

// parseDate parses a publication date from metadata. Dates before 1900 or
// after 2200 are taken as mistakes.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausible(t)
		}
	}
	return time.Time{}, false
}

func plausible(t time.Time) bool {
	return t.Year() >= 1900 && t.Year() <= 2200
}

// parsePDFDate parses a PDF date string, "D:YYYYMMDDHHmmSSOHH'mm'", of which
// everything after the year may be missing.
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := 0
	for digits < len(s) && digits < 14 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits < 4 || digits%2 != 0 {
		return time.Time{}, false
	}
	num := func(i, def int) int {
		if i+2 > digits {
			return def
		}
		n, _ := strconv.Atoi(s[i : i+2])
		return n
	}
	year, _ := strconv.Atoi(s[:4])
	month, day := num(4, 1), num(6, 1)
	hour, minute, sec := num(8, 0), num(10, 0), num(12, 0)
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	loc := time.UTC
	if rest := s[digits:]; rest != "" {
		switch rest[0] {
		case '+', '-':
			tz := strings.NewReplacer("'", "", ":", "").Replace(rest[1:])
			if len(tz) >= 2 {
				h, err1 := strconv.Atoi(tz[:2])
				m := 0
				var err2 error
				if len(tz) >= 4 {
					m, err2 = strconv.Atoi(tz[2:4])
				}
				if err1 == nil && err2 == nil && h <= 14 && m < 60 {
					off := (h*60 + m) * 60
					if rest[0] == '-' {
						off = -off
					}
					loc = time.FixedZone("", off)
				}
			}
		}
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, loc)
	return t, plausible(t)
}
