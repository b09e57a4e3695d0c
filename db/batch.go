package db

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
)

// batchRows is how many rows one batched INSERT statement writes.
const batchRows = 100

// batchInsert writes rows of a fixed number of columns with multi-row
// INSERT statements, on the driver's own connection (sql.Conn.Raw):
// database/sql would copy and convert every argument again for each
// statement, a quarter of what a 100,000-row import allocated.
type batchInsert struct {
	ctx   context.Context
	conn  driver.ConnPrepareContext
	head  string // "INSERT INTO t(a, b) VALUES "
	width int
	full  driver.StmtQueryContext // prepared for batchRows rows
	args  []driver.NamedValue
}

// newBatchInsert prepares the full batch's statement on dc, a driver
// connection as sql.Conn.Raw gives it.
func newBatchInsert(ctx context.Context, dc any, head string, width int) (*batchInsert, error) {
	conn, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("batch insert: driver connection %T cannot prepare", dc)
	}
	b := &batchInsert{ctx: ctx, conn: conn, head: head, width: width, args: make([]driver.NamedValue, 0, width*batchRows)}
	var err error
	b.full, err = b.prepare(batchRows)
	return b, err
}

func (b *batchInsert) prepare(rows int) (driver.StmtQueryContext, error) {
	row := "(?" + strings.Repeat(", ?", b.width-1) + ")"
	st, err := b.conn.PrepareContext(b.ctx, b.head+row+strings.Repeat(", "+row, rows-1))
	if err != nil {
		return nil, err
	}
	q, ok := st.(driver.StmtQueryContext)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("batch insert: driver statement %T cannot query", st)
	}
	return q, nil
}

// add queues one row of width values (each an int64 or a string: no
// conversion is made), writing a full batch when ready.
func (b *batchInsert) add(vals ...driver.Value) error {
	for _, v := range vals {
		b.args = append(b.args, driver.NamedValue{Ordinal: len(b.args) + 1, Value: v})
	}
	if len(b.args) < b.width*batchRows {
		return nil
	}
	err := insert(b.ctx, b.full, b.args)
	b.args = b.args[:0]
	return err
}

// flush writes the queued rows and releases the prepared statement.
func (b *batchInsert) flush() error {
	defer b.full.(driver.Stmt).Close()
	if len(b.args) == 0 {
		return nil
	}
	st, err := b.prepare(len(b.args) / b.width)
	if err != nil {
		return err
	}
	defer st.(driver.Stmt).Close()
	err = insert(b.ctx, st, b.args)
	b.args = b.args[:0]
	return err
}

// insert runs a prepared INSERT as a query, not an Exec: the driver
// (mattn/go-sqlite3) binds a query's arguments and takes its first step
// in one call into C, where Exec makes a call per argument (500 a batch);
// an INSERT is done in that step, and its error is the rows' first.
func insert(ctx context.Context, st driver.StmtQueryContext, args []driver.NamedValue) error {
	rows, err := st.QueryContext(ctx, args)
	if err != nil {
		return err
	}
	for err == nil {
		err = rows.Next(nil)
	}
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return errors.Join(err, rows.Close())
}
