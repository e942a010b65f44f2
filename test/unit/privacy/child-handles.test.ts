import { expect } from 'chai';
import { createChildHandles, HANDLE_LENGTH } from '../../../gateway/privacy/child-handles.ts';

const SECRET = 'test-secret-of-at-least-16-chars';

describe('privacy: child handles', () => {
  const handles = createChildHandles(SECRET);

  it('is stable for one account and child', () => {
    expect(handles.handleFor('acc-1', 'L1001')).to.equal(createChildHandles(SECRET).handleFor('acc-1', 'L1001'));
  });

  it('is URL-safe, of fixed length, and contains neither id', () => {
    const handle = handles.handleFor('acc-1', 'L1001');
    expect(handle).to.match(/^[A-Za-z0-9_-]+$/);
    expect(handle).to.have.length(HANDLE_LENGTH);
    expect(handle).not.to.include('L1001');
    expect(handle).not.to.include('acc-1');
  });

  it('differs per account, per child and per secret', () => {
    const base = handles.handleFor('acc-1', 'L1001');
    expect(handles.handleFor('acc-2', 'L1001')).not.to.equal(base);
    expect(handles.handleFor('acc-1', 'L1002')).not.to.equal(base);
    expect(createChildHandles(`${SECRET}-other`).handleFor('acc-1', 'L1001')).not.to.equal(base);
  });

  it('separates account and child unambiguously', () => {
    expect(handles.handleFor('acc-1', 'L1')).not.to.equal(handles.handleFor('acc-1L', '1'));
  });

  it('resolves a handle to one of the viewer\'s own children', () => {
    const own = ['L1001', 'L1002'];
    expect(handles.resolve('acc-1', handles.handleFor('acc-1', 'L1002'), own)).to.equal('L1002');
  });

  it('resolves nothing for a foreign child, another account\'s handle, or garbage', () => {
    const own = ['L1001'];
    expect(handles.resolve('acc-1', handles.handleFor('acc-1', 'L9999'), own)).to.equal(undefined);
    expect(handles.resolve('acc-1', handles.handleFor('acc-2', 'L1001'), own)).to.equal(undefined);
    for (const garbage of ['', 'L1001', '../../etc/passwd', 'x'.repeat(16), `${handles.handleFor('acc-1', 'L1001')}x`]) {
      expect(handles.resolve('acc-1', garbage, own), garbage).to.equal(undefined);
    }
    expect(handles.resolve('acc-1', handles.handleFor('acc-1', 'L1001'), [])).to.equal(undefined);
  });

  it('refuses a short secret', () => {
    expect(() => createChildHandles('short')).to.throw(/at least 16/);
  });
});
