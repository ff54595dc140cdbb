package zicht

import (
	"errors"
	"fmt"
)

// Code classifies an error a user can act on.
type Code string

// Error codes.
const (
	CodeInvalid     Code = "invalid"     // bad input: usage, malformed data
	CodeNotFound    Code = "not_found"   // no such group, document, ...
	CodeConflict    Code = "conflict"    // the change contradicts the stored state
	CodeForbidden   Code = "forbidden"   // the user may not do this
	CodeUnsupported Code = "unsupported" // a file type or feature zicht does not handle
	CodeInternal    Code = "internal"    // anything else: a bug or an I/O failure
)

// codes is the one place a Code becomes an HTTP status and an exit code.
var codes = map[Code]struct{ Status, Exit int }{
	CodeInvalid:     {400, 2},
	CodeNotFound:    {404, 1},
	CodeConflict:    {409, 1},
	CodeForbidden:   {403, 1},
	CodeUnsupported: {415, 1},
	CodeInternal:    {500, 1},
}

// Error is an error whose message is meant for the user.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, CodeInternal
// for any other error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// HTTPStatus maps err to an HTTP status.
func HTTPStatus(err error) int {
	if c, ok := codes[ErrorCode(err)]; ok {
		return c.Status
	}
	return 200
}

// ExitCode maps err to a process exit code: 0 for nil, 2 for invalid usage, 1 otherwise.
func ExitCode(err error) int {
	if c, ok := codes[ErrorCode(err)]; ok {
		return c.Exit
	}
	return 0
}
