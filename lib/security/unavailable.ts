/** The page people see while the database is down: calm, with the crisis line, and no script. */
export const UNAVAILABLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · Aftercare Atlas</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2933; background: #fbfbfa; margin: 0; line-height: 1.6">
<div style="background: #114245; color: #fff; padding: 8px 16px">In crisis or thinking about suicide? Call or text
<a href="tel:988" style="color: #fff; font-weight: 600">988</a> — free, 24/7.</div>
<main style="max-width: 40rem; margin: 0 auto; padding: 32px 16px">
<h1 style="font-size: 1.6rem">We can’t show clinic listings right now</h1>
<p>Part of our service is not responding. Nothing you did caused this, and nothing was lost.
Please try again in a minute.</p>
<p><a href="" style="color: #165559">Try again</a></p>
<p style="color: #52606d; font-size: 0.9rem">Not medical advice. If you need help now, call or text 988, or call 911 in an emergency.</p>
</main></body></html>`;
