PAGES = [
    {
        "slug": "terms",
        "title": "Terms of Service",
        "body": """
<p>These terms apply to everyone who reads, shares or comments on The Update Desk. By using the site you accept them.</p>
<h2>Our journalism</h2>
<p>Articles, photographs and illustrations belong to The Update Desk or to the people credited with them. You may quote short passages with a link to the original story. Republishing a whole article needs our written permission.</p>
<h2>Comments</h2>
<p>Every comment is read by a moderator before it appears. We publish comments that engage with the story and with other readers in good faith. We do not publish abuse, threats, harassment, spam, advertising, other people's personal details, or anything unlawful. A moderator's decision is final, and we may close a discussion at any time.</p>
<p>You keep the rights to what you write, and you allow us to show it beside the story, in any edition of the site, for as long as the story is online.</p>
<h2>Corrections</h2>
<p>If you think we have made a mistake, write to the corrections desk at the address below. When we get something wrong we correct the story, say what changed, and list the correction on our <a href="/corrections/">corrections page</a>.</p>
<h2>Changes to these terms</h2>
<p>We will post any change on this page and note the date at the top.</p>
""",
    },
    {
        "slug": "privacy",
        "title": "Privacy Policy",
        "body": """
<p>We collect as little about you as we can, and we never sell it.</p>
<h2>Reading</h2>
<p>Reading the site sets no tracking cookies and loads no advertising or analytics scripts. Our share links are ordinary links: nothing is sent to a social network unless you click one.</p>
<h2>Commenting</h2>
<p>When you comment we store your name, your e-mail address, what you wrote and when. Your name and comment are shown with the story once a moderator approves them. Your e-mail address is seen only by our moderators, who may use it to contact you about your comment. It is never published and never shared.</p>
<p>To protect the discussion from abuse we keep a scrambled form of your network address, which cannot be turned back into the address, and we delete even that after a short period.</p>
<p>If you tick “save my name and e-mail”, they are kept in a cookie in your own browser so the form is filled in next time. Clear your cookies to remove it.</p>
<h2>Your rights</h2>
<p>You can ask for a copy of everything we hold about your e-mail address, or ask us to erase it. Write to us at the address below and we will reply within thirty days.</p>
""",
    },
]
