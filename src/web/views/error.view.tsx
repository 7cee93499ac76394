/** The page for an error: not found (also for records the viewer may not see), expired forms. */
import { Layout, type PageFrame } from './layout.js';

/** An error page with a short message and a way home. */
export function ErrorPage(
  props: PageFrame & { readonly status: number; readonly message: string },
) {
  const heading = props.status === 404 ? 'Page not found' : 'Something went wrong';
  return (
    <Layout {...props}>
      <section class="panel narrow">
        <h1>{heading}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">Go to your home page</a>
        </p>
      </section>
    </Layout>
  );
}
