package repair

import (
	"sort"
	"strings"

	"github.com/zicht-project/zicht"
)

// An edit replaces the bytes s[Start:End] of a pass's input with After.
// A pass returns its edits sorted by Start and not overlapping; an edit
// with Start == End inserts.
type edit struct {
	Start, End int
	After      string
	Kind       string
}

// A pass finds the edits one kind of repair makes to s. Passes only find;
// apply makes the changes and keeps the record, so a new repair is one more
// pass in the list and needs no bookkeeping of its own.
type pass func(s string) []edit

// apply applies edits to s and returns the new text and reps, the repairs
// already made to s (offsets into s, sorted, not overlapping), moved onto the
// new text together with a repair for every edit. A repair whose After text an
// edit changes is merged with that edit into one repair from the original
// text to the new, so every repair r keeps the invariant
// out[r.Offset:r.Offset+len(r.After)] == r.After.
//
// Edits that are out of order, overlap or fall outside s are dropped: a bug in
// one pass must not corrupt the record.
func apply(s string, reps []zicht.Repair, edits []edit) (string, []zicht.Repair) {
	edits = validEdits(s, edits)
	if len(edits) == 0 {
		return s, reps
	}

	// Items are the old repairs' spans in s and the edits, in one list
	// sorted by start (empty spans first), grouped into clusters of items
	// that overlap. Empty spans overlap only spans they fall strictly inside.
	type item struct {
		start, end int
		rep        int // index into reps, or -1
		edit       int // index into edits, or -1
	}
	items := make([]item, 0, len(reps)+len(edits))
	for i, r := range reps {
		items = append(items, item{r.Offset, r.Offset + len(r.After), i, -1})
	}
	for i, e := range edits {
		items = append(items, item{e.Start, e.End, -1, i})
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end-a.start < b.end-b.start
	})

	var (
		out  strings.Builder
		res  = make([]zicht.Repair, 0, len(reps)+len(edits))
		last int // bytes of s copied to out so far
	)
	out.Grow(len(s))
	for i := 0; i < len(items); {
		// Grow a cluster from items[i].
		cs, ce := items[i].start, items[i].end
		j := i + 1
		for j < len(items) {
			it := items[j]
			empty := it.start == it.end
			if it.start < ce && (!empty || cs < it.start) {
				ce = max(ce, it.end)
				j++
				continue
			}
			break
		}
		cluster := items[i:j]
		i = j

		out.WriteString(s[last:cs])
		last = cs
		offset := out.Len()

		var nreps, nedits int
		var kinds []string
		for _, it := range cluster {
			if it.rep >= 0 {
				nreps++
				kinds = addKind(kinds, reps[it.rep].Kind)
			} else {
				nedits++
				kinds = addKind(kinds, edits[it.edit].Kind)
			}
		}
		if nedits == 0 { // an old repair no edit touches: it only moves
			r := reps[cluster[0].rep]
			r.Offset = offset
			res = append(res, r)
			continue
		}

		// The new text of the cluster: s[cs:ce] with the edits applied.
		var after strings.Builder
		pos := cs
		for _, it := range cluster {
			if it.edit < 0 {
				continue
			}
			e := edits[it.edit]
			after.WriteString(s[pos:e.Start])
			after.WriteString(e.After)
			pos = e.End
		}
		after.WriteString(s[pos:ce])

		// The original text of the cluster: s[cs:ce] with the old repairs undone.
		var before strings.Builder
		pos = cs
		for _, it := range cluster {
			if it.rep < 0 {
				continue
			}
			r := reps[it.rep]
			before.WriteString(s[pos:r.Offset])
			before.WriteString(r.Before)
			pos = r.Offset + len(r.After)
		}
		before.WriteString(s[pos:ce])

		out.WriteString(after.String())
		last = ce
		if before.String() != after.String() {
			res = append(res, zicht.Repair{
				Offset: offset,
				Before: before.String(),
				After:  after.String(),
				Kind:   strings.Join(kinds, "+"),
			})
		}
	}
	out.WriteString(s[last:])
	return out.String(), res
}

// addKind appends k to kinds unless it is there already.
func addKind(kinds []string, k string) []string {
	for _, x := range kinds {
		if x == k {
			return kinds
		}
	}
	return append(kinds, k)
}

// validEdits returns the edits that are in bounds, in order and not
// overlapping, and that change something.
func validEdits(s string, edits []edit) []edit {
	ok := edits[:0:0]
	prev := 0
	for _, e := range edits {
		if e.Start < prev || e.End < e.Start || e.End > len(s) {
			continue
		}
		if s[e.Start:e.End] == e.After {
			continue
		}
		ok = append(ok, e)
		prev = e.End
	}
	return ok
}
