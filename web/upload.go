package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/ingest"
)

// Ingester takes one uploaded document through the ingest pipeline.
type Ingester interface {
	Bytes(ctx context.Context, name string, data []byte) (ingest.Outcome, int, error)
}

// MaxUpload is the most one upload request may carry.
const MaxUpload = 64 << 20

// uploadResult is what happened to one uploaded file.
type uploadResult struct {
	Name    string
	Outcome string // added, duplicate, failed
	Signals int
	Error   string
}

func (s *Server) handleUploadForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "upload.html", translate(s.langOf(w, r), "nav.upload"), struct {
		Results []uploadResult
		Max     int
	}{nil, MaxUpload >> 20})
}

func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	if s.ingest == nil {
		s.fail(w, r, zicht.Errorf(zicht.CodeUnsupported, "this server does not take uploads"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, r, zicht.Errorf(codeTooLarge, "the upload is larger than %d MiB; send fewer or smaller files at a time", MaxUpload>>20))
			return
		}
		s.fail(w, r, zicht.Errorf(zicht.CodeInvalid, "malformed upload: %v", err))
		return
	}
	defer r.MultipartForm.RemoveAll()
	if !s.csrfOK(r, visitorOf(r)) { // the multipart body is parsed only now
		s.fail(w, r, zicht.Errorf(zicht.CodeForbidden, "the form is stale or was not sent from zicht (CSRF check); reload the page and try again"))
		return
	}
	files := r.MultipartForm.File["files"]
	if len(files) == 0 {
		s.fail(w, r, zicht.Errorf(zicht.CodeInvalid, "no files in the upload"))
		return
	}
	var results []uploadResult
	for _, fh := range files {
		res := uploadResult{Name: filepath.Base(fh.Filename)}
		f, err := fh.Open()
		var data []byte
		if err == nil {
			data, err = io.ReadAll(f)
			f.Close()
		}
		if err == nil {
			var out ingest.Outcome
			out, res.Signals, err = s.ingest.Bytes(r.Context(), res.Name, data)
			switch out {
			case ingest.Added:
				res.Outcome = "added"
			case ingest.Duplicate:
				res.Outcome = "duplicate"
			}
		}
		if err != nil {
			res.Outcome = "failed"
			res.Error = err.Error()
			if zicht.ErrorCode(err) == zicht.CodeInternal {
				s.log.Error("upload", "file", res.Name, "err", err)
				res.Error = "internal error"
			}
		}
		results = append(results, res)
	}
	s.store.Audit(r.Context(), zicht.AuditEvent{Actor: visitorOf(r).User.Name, Action: "document.upload", Object: "upload",
		Detail: resultsSummary(results)})
	status := http.StatusOK
	if isAPI(r) || r.Header.Get("Accept") == "application/json" {
		writeJSON(w, status, map[string]any{"files": results})
		return
	}
	s.render(w, r, status, "upload.html", translate(s.langOf(w, r), "nav.upload"), struct {
		Results []uploadResult
		Max     int
	}{results, MaxUpload >> 20})
}

func resultsSummary(rs []uploadResult) string {
	n := map[string]int{}
	for _, r := range rs {
		n[r.Outcome]++
	}
	return fmt.Sprintf("%d added, %d duplicate, %d failed", n["added"], n["duplicate"], n["failed"])
}

// codeTooLarge maps to 413.
const codeTooLarge zicht.Code = "too_large"
