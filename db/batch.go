package db

import (
	"context"
	"database/sql"
	"strings"
)

// batchRows is how many rows one batched INSERT statement writes.
const batchRows = 100

// batchInsert writes rows of a fixed number of columns with multi-row
// INSERT statements: one cgo call per batchRows rows instead of per row.
type batchInsert struct {
	ctx   context.Context
	tx    *sql.Tx
	head  string // "INSERT INTO t(a, b) VALUES "
	width int
	full  *sql.Stmt // prepared for batchRows rows
	args  []any
}

func newBatchInsert(ctx context.Context, tx *sql.Tx, head string, width int) (*batchInsert, error) {
	b := &batchInsert{ctx: ctx, tx: tx, head: head, width: width, args: make([]any, 0, width*batchRows)}
	var err error
	b.full, err = tx.PrepareContext(ctx, b.query(batchRows))
	return b, err
}

func (b *batchInsert) query(rows int) string {
	row := "(?" + strings.Repeat(", ?", b.width-1) + ")"
	return b.head + row + strings.Repeat(", "+row, rows-1)
}

// add queues one row (width values), writing a full batch when ready.
func (b *batchInsert) add(vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) < b.width*batchRows {
		return nil
	}
	_, err := b.full.ExecContext(b.ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// flush writes the queued rows and releases the prepared statement.
func (b *batchInsert) flush() error {
	defer b.full.Close()
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(b.ctx, b.query(len(b.args)/b.width), b.args...)
	b.args = b.args[:0]
	return err
}
