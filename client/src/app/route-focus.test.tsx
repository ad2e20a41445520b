import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MAIN_CONTENT_ID } from '../components/skip-link';
import { useFocusOnRouteChange } from './route-focus';

function Shell() {
  useFocusOnRouteChange();
  return (
    <>
      <nav>
        <Link to="/b">To B from the bar</Link>
      </nav>
      <main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        element: <Shell />,
        children: [
          { path: '/a', element: <Link to="/b">To B</Link> },
          { path: '/b', element: <p>Screen B</p> },
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a screen that puts the focus in its own form, as the login does
          { path: '/form', element: <input aria-label="First field" autoFocus /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('the focus after a change of screen', () => {
  it('stays where the browser put it on the first load', () => {
    renderAt('/b');
    expect(document.activeElement).toBe(document.body);
  });

  it('moves to the content when the link pressed is gone, or outside the content', async () => {
    const router = renderAt('/a');
    fireEvent.click(screen.getByRole('link', { name: 'To B' }));
    await screen.findByText('Screen B');
    expect(document.activeElement?.id).toBe(MAIN_CONTENT_ID);

    await router.navigate('/a');
    await screen.findByRole('link', { name: 'To B' });
    const bar = screen.getByRole('link', { name: 'To B from the bar' });
    bar.focus();
    fireEvent.click(bar);
    await screen.findByText('Screen B');
    expect(document.activeElement?.id).toBe(MAIN_CONTENT_ID);
  });

  it('leaves it in a screen that focused its own first field', async () => {
    const router = renderAt('/a');
    await router.navigate('/form');
    const input = await screen.findByRole('textbox', { name: 'First field' });
    expect(document.activeElement).toBe(input);
  });
});
