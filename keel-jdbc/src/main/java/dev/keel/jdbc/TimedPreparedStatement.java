package dev.keel.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A prepared statement timed under the SQL text it was prepared with. While the slow-statement log
 * is on, it also remembers the types of the values bound (never the values) for the log line; the
 * setters otherwise only pass the value on.
 */
class TimedPreparedStatement extends TimedStatement implements PreparedStatement {
    private final PreparedStatement prepared;
    private final String sql;
    /** Null unless the slow-statement log is on: nothing else reads them. */
    private final ParameterTypes parameters;
    /** The first set of a batch, as the slow log shows it; made on the first batch. */
    private ParameterTypes firstOfBatch;

    private int batchSize;

    TimedPreparedStatement(TimedConnection connection, PreparedStatement prepared, String sql, StatementTimers timers) {
        super(connection, prepared, timers);
        this.prepared = prepared;
        this.sql = sql;
        this.parameters = timers.wantsParameterTypes() ? new ParameterTypes() : null;
    }

    private void finished(long start, boolean ok) {
        timers.record(sql, System.nanoTime() - start, ok, parameters, 1);
    }

    /** A batch of this one text is timed as one statement, as the driver sends it. */
    private void batchFinished(long start, boolean ok) {
        long nanos = System.nanoTime() - start;
        int sets = batchSize;
        batchSize = 0;
        timers.record(sql, nanos, ok, sets == 0 ? null : firstOfBatch, sets);
    }

    void noteType(int index, Class<?> type) {
        if (parameters != null) {
            parameters.type(index, type);
        }
    }

    void noteValue(int index, Object value) {
        if (parameters != null) {
            parameters.value(index, value);
        }
    }

    void noteNull(int index) {
        if (parameters != null) {
            parameters.nullValue(index);
        }
    }

    void noteType(String name, Class<?> type) {
        if (parameters != null) {
            parameters.type(name, type);
        }
    }

    void noteValue(String name, Object value) {
        if (parameters != null) {
            parameters.value(name, value);
        }
    }

    void noteNull(String name) {
        if (parameters != null) {
            parameters.nullValue(name);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            ResultSet result = prepared.executeQuery();
            ok = true;
            return result;
        } finally {
            finished(start, ok);
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int result = prepared.executeUpdate();
            ok = true;
            return result;
        } finally {
            finished(start, ok);
        }
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        noteNull(parameterIndex);
        prepared.setNull(parameterIndex, sqlType);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        noteType(parameterIndex, Boolean.class);
        prepared.setBoolean(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        noteType(parameterIndex, Byte.class);
        prepared.setByte(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        noteType(parameterIndex, Short.class);
        prepared.setShort(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        noteType(parameterIndex, Integer.class);
        prepared.setInt(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        noteType(parameterIndex, Long.class);
        prepared.setLong(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        noteType(parameterIndex, Float.class);
        prepared.setFloat(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        noteType(parameterIndex, Double.class);
        prepared.setDouble(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setBigDecimal(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setString(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setBytes(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setDate(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setTime(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setTimestamp(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setAsciiStream(parameterIndex, x, length);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setUnicodeStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void clearParameters() throws SQLException {
        prepared.clearParameters();
        if (parameters != null) {
            parameters.clear();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setObject(parameterIndex, x);
    }

    @Override
    public boolean execute() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            boolean result = prepared.execute();
            ok = true;
            return result;
        } finally {
            finished(start, ok);
        }
    }

    @Override
    public void addBatch() throws SQLException {
        prepared.addBatch();
        if (parameters != null) {
            if (batchSize == 0) {
                if (firstOfBatch == null) {
                    firstOfBatch = new ParameterTypes();
                }
                firstOfBatch.copyFrom(parameters);
            }
            parameters.clear();
        }
        batchSize++;
    }

    @Override
    public void clearBatch() throws SQLException {
        super.clearBatch();
        batchSize = 0;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            int[] result = prepared.executeBatch();
            ok = true;
            return result;
        } finally {
            batchFinished(start, ok);
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long[] result = prepared.executeLargeBatch();
            ok = true;
            return result;
        } finally {
            batchFinished(start, ok);
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setRef(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setBlob(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setClob(parameterIndex, x);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setArray(parameterIndex, x);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return prepared.getMetaData();
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setDate(parameterIndex, x, cal);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setTime(parameterIndex, x, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setTimestamp(parameterIndex, x, cal);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        noteNull(parameterIndex);
        prepared.setNull(parameterIndex, sqlType, typeName);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setURL(parameterIndex, x);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return prepared.getParameterMetaData();
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setRowId(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        noteValue(parameterIndex, value);
        prepared.setNString(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        noteValue(parameterIndex, value);
        prepared.setNCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        noteValue(parameterIndex, value);
        prepared.setNClob(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setClob(parameterIndex, reader, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        noteValue(parameterIndex, inputStream);
        prepared.setBlob(parameterIndex, inputStream, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setNClob(parameterIndex, reader, length);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        noteValue(parameterIndex, xmlObject);
        prepared.setSQLXML(parameterIndex, xmlObject);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setAsciiStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setAsciiStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        noteValue(parameterIndex, value);
        prepared.setNCharacterStream(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setClob(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        noteValue(parameterIndex, inputStream);
        prepared.setBlob(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        noteValue(parameterIndex, reader);
        prepared.setNClob(parameterIndex, reader);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        noteValue(parameterIndex, x);
        prepared.setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            long result = prepared.executeLargeUpdate();
            ok = true;
            return result;
        } finally {
            finished(start, ok);
        }
    }
}
