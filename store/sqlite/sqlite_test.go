package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/store/sqlite"
	"github.com/zicht-project/zicht/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) zicht.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "zicht.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "zicht.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutGroup(ctx, zicht.Group{ID: "roma", Name: zicht.Text{NL: "Roma-kinderen", EN: "Roma children"}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path) // migrations must not run twice
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	g, err := s.Group(ctx, "roma")
	if err != nil || g.Name.EN != "Roma children" {
		t.Fatalf("after reopen: %+v, %v", g, err)
	}
}

func TestImmutableInSchema(t *testing.T) {
	// The database itself refuses to change an approved assessment, whatever
	// code path tries.
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutGroup(ctx, zicht.Group{ID: "roma", Name: zicht.Text{NL: "R", EN: "R"}}); err != nil {
		t.Fatal(err)
	}
	a, err := s.AddAssessment(ctx, zicht.Assessment{Group: "roma", Question: zicht.Q1, Suggested: "high", Final: "high",
		Method: "m", Origin: zicht.OriginAnalyst, Author: "ana", Status: zicht.Draft})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Approve(ctx, a.ID, "rob", a.CreatedAt); err != nil {
		t.Fatal(err)
	}
	if _, err := sqlite.DB(s).ExecContext(ctx, `UPDATE assessments SET final = 'slight' WHERE id = ?`, a.ID); err == nil {
		t.Error("UPDATE of an approved assessment succeeded")
	}
	if _, err := sqlite.DB(s).ExecContext(ctx, `DELETE FROM assessments WHERE id = ?`, a.ID); err == nil {
		t.Error("DELETE of an approved assessment succeeded")
	}
}

func TestCheckFindsOrphans(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "zicht.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("empty store: %v", err)
	}
	text := "Een korte tekst."
	if _, err := s.AddDocument(ctx, zicht.Ingested{Document: zicht.Document{ID: "abc", Kind: zicht.KindOther, Format: "text", Text: text},
		Original: []byte(text), Passages: []zicht.Passage{{Start: 0, End: len(text), Text: text}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatalf("consistent store: %v", err)
	}
	db := sqlite.DB(s)
	if _, err := db.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	// Break it the way a buggy writer could: a passage beyond the text.
	if _, err := db.ExecContext(ctx, `UPDATE passages SET "end" = 9999`); err != nil {
		t.Fatal(err)
	}
	err = s.Check(ctx)
	if zicht.ErrorCode(err) != zicht.CodeConflict {
		t.Fatalf("Check after corruption = %v, want a conflict", err)
	}
}
